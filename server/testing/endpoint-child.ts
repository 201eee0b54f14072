/**
 * One endpoint process of the scale-out harness (processes.ts): the real start-up (server/src/index.ts's
 * startServer: config from the environment, migrations, first community) with the limits the test asks for in
 * COMMONPLACE_TEST_LIMITS (JSON). Prints `ready <port>` once it listens; SIGTERM closes it gracefully.
 */
import { startServer } from '../src/index';

const limits = process.env.COMMONPLACE_TEST_LIMITS ? JSON.parse(process.env.COMMONPLACE_TEST_LIMITS) : undefined;
const { stop, config } = await startServer([], { limits });
process.stdout.write(`ready ${config.port}\n`);
process.once('SIGTERM', () => {
  stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
