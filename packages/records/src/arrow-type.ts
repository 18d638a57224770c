import { DataType } from 'apache-arrow';

/**
 * Whether two Arrow types store values the same way. List item names and nullability are not
 * compared (other writers name list items "element" and mark them nullable); null items are
 * caught when the values are checked.
 */
export function sameArrowType(expected: DataType, found: DataType): boolean {
  if (expected.typeId !== found.typeId) return false;
  if (DataType.isInt(expected) && DataType.isInt(found)) {
    return expected.bitWidth === found.bitWidth && expected.isSigned === found.isSigned;
  }
  if (DataType.isFloat(expected) && DataType.isFloat(found)) return expected.precision === found.precision;
  if (DataType.isFixedSizeList(expected) && DataType.isFixedSizeList(found) && expected.listSize !== found.listSize) {
    return false;
  }
  if (DataType.isList(expected) || DataType.isFixedSizeList(expected)) {
    return found.children.length === 1 && sameArrowType(expected.children[0].type, found.children[0].type);
  }
  return true;
}
