// A validation rule that bounds an operation's depth (fields nested in fields) with each
// fragment measured once: fragment bombs, whose spreads double at every level, would make a
// naive walk (as graphql-depth-limit does) run for ever before refusing them.
import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from "graphql";

export function maxDepthRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    const depthOfFragment = new Map<string, number>();
    const inProgress = new Set<string>();

    /** Depth of a selection set: 1 for leaf fields, introspection fields ignored. */
    function depthOf(selectionSet: SelectionSetNode | undefined): number {
      if (!selectionSet) return 0;
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith("__")) continue;
          deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet));
        } else {
          deepest = Math.max(deepest, fragmentDepth(selection.name.value));
        }
      }
      return deepest;
    }

    function fragmentDepth(name: string): number {
      const known = depthOfFragment.get(name);
      if (known !== undefined) return known;
      const fragment = fragments.get(name);
      // Unknown fragments and cycles are other rules' errors.
      if (!fragment || inProgress.has(name)) return 0;
      inProgress.add(name);
      const depth = depthOf(fragment.selectionSet);
      inProgress.delete(name);
      depthOfFragment.set(name, depth);
      return depth;
    }

    return {
      Document(document) {
        for (const definition of document.definitions) {
          if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
        }
        for (const definition of document.definitions) {
          if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
          const depth = depthOf(definition.selectionSet);
          if (depth > maxDepth) {
            const name = definition.name?.value ?? "the operation";
            context.reportError(new GraphQLError(`${name} is ${depth} levels deep, over this server's limit of ${maxDepth}`, {
              nodes: [definition], extensions: { depth, maxDepth },
            }));
          }
        }
      },
    };
  };
}
