import { readlinkSync } from 'node:fs';
import { getPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { runInBackground } from './background-priority';

/* A worker thread for background-priority.test.ts: lowers its priority and says what it and the process have now. */
const lowered = runInBackground();
const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
parentPort?.postMessage({ lowered, thread: getPriority(threadId), process: getPriority(process.pid) });
