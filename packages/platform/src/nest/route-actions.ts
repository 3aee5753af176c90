import type { DynamicModule, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import type { Action } from '@liaowang/contract';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ACTION } from './requires.decorator';

export interface DeclaredRoute {
  method: string;
  path: string;
  controller: string;
  handler: string;
  /** The permission-table action, `public`, or undefined when the route declares neither. */
  access: Action | 'public' | undefined;
}

/** Every controller a module tree declares (dynamic modules included), without starting it. */
export function controllersOf(module: DynamicModule | Type): Type[] {
  const dynamic = module as DynamicModule;
  const own = (dynamic.controllers ?? (Reflect.getMetadata('controllers', module) as Type[] | undefined) ?? []) as Type[];
  const imports = (dynamic.imports ?? []) as (DynamicModule | Type)[];
  return [...own, ...imports.flatMap((child) => controllersOf(child))];
}

/** The routes of these controllers with the access each declares (R-SEC-1: none may be open by accident). */
export function declaredRoutes(controllers: Type[]): DeclaredRoute[] {
  return controllers.flatMap((controller) => {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const prototype = controller.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(prototype)
      .filter((name) => name !== 'constructor' && Reflect.hasMetadata(PATH_METADATA, prototype[name] as object))
      .map((name) => {
        const handler = prototype[name] as object;
        const meta = (key: string) => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
        const path = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        return {
          method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod],
          path: '/' + [base, path].filter((part) => part && part !== '/').join('/').replace(/^\/+/, ''),
          controller: controller.name,
          handler: name,
          access: meta(IS_PUBLIC) ? 'public' : (meta(REQUIRED_ACTION) as Action | undefined),
        };
      });
  });
}
