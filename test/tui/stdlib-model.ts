// What the TUI needs of @palisade/stdlib (the result model and the finding order), without the
// engine or the policies, so the tmux launcher starts quickly.
export * from '../../packages/stdlib/src/model.js';
export * from '../../packages/stdlib/src/finding-order.js';
