import { DropdownMenu as MenuPrimitive } from 'bits-ui';
import Content from './dropdown-menu-content.svelte';
import Item from './dropdown-menu-item.svelte';
import Label from './dropdown-menu-label.svelte';

const Root = MenuPrimitive.Root;
const Trigger = MenuPrimitive.Trigger;
const Separator = MenuPrimitive.Separator;
const Group = MenuPrimitive.Group;

export { Root, Trigger, Content, Item, Label, Separator, Group };
