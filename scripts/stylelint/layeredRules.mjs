/**
 * stylelint rule `parley/layered`: every rule of a stylesheet sits in one of the cascade layers
 * that renderer/styles/foundation.css declares, and only that file declares their order. So a
 * rule's place in the bundle can never decide which rule wins (issue 12: dialogs were 420 px
 * wide because the generic modal rule came later in the bundle than theirs).
 */
import stylelint from 'stylelint';

const { createPlugin, utils } = stylelint;

const ruleName = 'parley/layered';

/** The layers, lowest first, exactly as foundation.css declares them. */
export const LAYERS = ['reset', 'tokens', 'base', 'layout', 'components', 'features', 'utilities'];

const messages = utils.ruleMessages(ruleName, {
  outside: (what) => `Put ${what} inside one of the layers: @layer ${LAYERS.join(' | ')} { … }`,
  unknown: (name) => `Unknown layer "${name}": use one of ${LAYERS.join(', ')}`,
  order: () => `Only renderer/styles/foundation.css declares the layers' order, as "@layer ${LAYERS.join(', ')};"`,
});

/** Statements that are allowed outside a layer: imports and the foundation's order statement. */
const isFree = (node) => node.type === 'comment' || (node.type === 'atrule' && ['import', 'charset'].includes(node.name));

const rule = (enabled, options = {}) => (root, result) => {
  if (!enabled) return;
  const orderFile = options.orderFile ?? 'renderer/styles/foundation.css';
  const file = root.source?.input.file ?? '';
  const isOrderFile = file.replaceAll('\\', '/').endsWith(orderFile);
  for (const node of root.nodes) {
    if (isFree(node)) continue;
    if (node.type === 'atrule' && node.name === 'layer') {
      const names = node.params.split(',').map((name) => name.trim());
      if (!node.nodes) {
        // `@layer a, b, c;`: the order statement.
        if (!isOrderFile || names.join(',') !== LAYERS.join(',')) utils.report({ ruleName, result, node, message: messages.order() });
        continue;
      }
      for (const name of names) if (!LAYERS.includes(name)) utils.report({ ruleName, result, node, message: messages.unknown(name) });
      continue;
    }
    const what = node.type === 'rule' ? `"${node.selector}"` : `@${node.name}`;
    utils.report({ ruleName, result, node, message: messages.outside(what) });
  }
};

rule.ruleName = ruleName;
rule.messages = messages;

export default createPlugin(ruleName, rule);
