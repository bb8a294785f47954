import type { RequestContext } from '../../lib/context.js';
import { outOfScope } from '../../lib/errors.js';
import { isInSubtree, isVisibleFrom } from './units.repository.js';

/** Refuses a write or read aimed at a unit outside the actor's subtree. */
export async function assertUnitInScope(ctx: RequestContext, unitId: number): Promise<void> {
  if (!(await isInSubtree(ctx.db, ctx.actor.unitId, unitId))) throw outOfScope();
}

/** Units a user may look at: their subtree, and the predecessors of units in it (the history of their own area). */
export async function assertUnitVisible(ctx: RequestContext, unitId: number): Promise<void> {
  if (!(await isVisibleFrom(ctx.db, ctx.actor.unitId, unitId))) throw outOfScope();
}
