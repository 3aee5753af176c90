import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { testEnvironment } from './test-settings';

const STREAM_MAIN = join(__dirname, '..', '..', 'pipelines', 'stream', 'dist', 'main.js');

/** The stream as its own process (`node pipelines/stream/dist/main.js`), as a deployment runs it: a test can SIGKILL it. */
export class StreamProcess {
  private readonly recent: string[] = [];
  private exited?: { code: number | null; signal: NodeJS.Signals | null };
  private readonly exit: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    const keep = (chunk: Buffer) => {
      this.recent.push(chunk.toString());
      if (this.recent.length > 200) this.recent.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exit = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exited = { code, signal };
        resolve();
      }),
    );
  }

  static start(stages: string[] = [], overrides: Record<string, string> = {}): StreamProcess {
    return new StreamProcess(spawn(process.execPath, [STREAM_MAIN, ...stages], { env: testEnvironment(overrides), stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  /** What it wrote lately (stdout and stderr, the last 200 chunks). */
  get output(): string {
    return this.recent.join('');
  }

  /** Whether it is still running, and if not, how it ended (with its last output, for the failure message). */
  get state(): string {
    return this.exited ? `exited (code ${this.exited.code}, signal ${this.exited.signal}): ${this.output.slice(-2_000)}` : 'running';
  }

  /** Dies at once, as with a power cut: no shutdown hook runs, no offset is committed on the way out. */
  async kill(): Promise<void> {
    if (this.exited) return;
    this.child.kill('SIGKILL');
    await this.exit;
  }

  /** The orderly stop (SIGTERM) a deployment sends. */
  async stop(): Promise<void> {
    if (this.exited) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await this.exit;
    clearTimeout(timer);
  }
}
