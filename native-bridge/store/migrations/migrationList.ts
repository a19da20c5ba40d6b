// Every migration the app knows, in order; the last one's version is the schema version of this build.
import type { Migration } from './migration.ts';
import { migration001 } from './001_init.ts';
import { migration002 } from './002_deviceCaps.ts';
import { migration003 } from './003_chatTools.ts';

export const migrationList: readonly Migration[] = [migration001, migration002, migration003];

export const latestSchemaVersion = migrationList[migrationList.length - 1]?.version ?? 0;
