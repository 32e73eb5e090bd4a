export { loadConfig, ConfigError, type Config } from './config.ts';
export { startServer, prepareDatabase, type RunningServer } from './main.ts';
export { seedDemo } from './demo/seed.ts';
export { createUser } from './modules/accounts/user/user.service.ts';
export { DirectoryLockedError } from './db/lock.ts';
export { VERSION } from './version.ts';
export { anonymous } from './platform/actor.ts';
export { importNetworkFile } from './modules/services/network/network.service.ts';
