// A worker thread of AnalysisPool: analyses the prepared articles it is sent, one at a time, and answers each by id.
import { parentPort, workerData } from 'node:worker_threads';
import { analyzePrepared, type PoolAnswer, type PoolJob, type PoolSetup } from './analysis-pool.js';

const setup = workerData as PoolSetup;
const now = new Date(setup.now);
const port = parentPort;
if (!port) throw new Error('analysis-worker runs only as a worker thread');

port.on('message', (job: PoolJob) => {
  let answer: PoolAnswer;
  try {
    answer = { id: job.id, result: analyzePrepared(job, setup.story, now) };
  } catch (err) {
    answer = { id: job.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  port.postMessage(answer);
});
