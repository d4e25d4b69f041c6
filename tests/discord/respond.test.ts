import { describe, expect, it } from 'vitest';
import { respond, type Responder } from '../../adapters/discord/answer.js';
import type { RenderedReply } from '../../adapters/discord/render-embeds.js';

function recorder(): { calls: string[]; responder: Responder } {
  const calls: string[] = [];
  return {
    calls,
    responder: {
      reply: async (r) => void calls.push(`reply:${r.content}:${r.ephemeral}`),
      defer: async (e) => void calls.push(`defer:${e}`),
      editOriginal: async (r) => void calls.push(`edit:${r.content}`),
      deleteOriginal: async () => void calls.push('delete'),
      followUp: async (r) => void calls.push(`followUp:${r.content}:${r.ephemeral}`),
    },
  };
}

const later = (reply: RenderedReply, ms: number) => new Promise<RenderedReply>((resolve) => setTimeout(() => resolve(reply), ms));

describe('respond (deferral policy shared by gateway and HTTP mode)', () => {
  it('answers directly when the answer is ready in time', async () => {
    const { calls, responder } = recorder();
    await respond(Promise.resolve({ content: 'hi', embeds: [], ephemeral: false }), responder, { deferAfterMs: 1000, deferEphemeral: false });
    expect(calls).toEqual(['reply:hi:false']);
  });

  it('defers, then edits the original when the answer is slow', async () => {
    const { calls, responder } = recorder();
    await respond(later({ content: 'slow', embeds: [], ephemeral: false }, 30), responder, { deferAfterMs: 1, deferEphemeral: false });
    expect(calls).toEqual(['defer:false', 'edit:slow']);
  });

  it('replaces a public "thinking…" with an ephemeral follow-up when a slow answer is an error', async () => {
    const { calls, responder } = recorder();
    await respond(later({ content: 'oops', embeds: [], ephemeral: true }, 30), responder, { deferAfterMs: 1, deferEphemeral: false });
    expect(calls).toEqual(['defer:false', 'delete', 'followUp:oops:true']);
  });

  it('keeps an ephemeral deferral ephemeral', async () => {
    const { calls, responder } = recorder();
    await respond(later({ content: 'done', embeds: [], ephemeral: true }, 30), responder, { deferAfterMs: 1, deferEphemeral: true });
    expect(calls).toEqual(['defer:true', 'edit:done']);
  });
});
