import { type DynamicModule, Module } from '@nestjs/common';
import { ELASTICSEARCH, PlatformModule, type ElasticsearchClient, type PlatformDeps } from '@liaowang/platform';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { UserRepository } from './auth/user.repository';
import { ItemController } from './items/item.controller';
import { ItemSearchService } from './items/item-search.service';
import { LiveGateway } from './live/live.gateway';

@Module({})
export class ApiModule {
  static forRoot(deps: PlatformDeps & { es: ElasticsearchClient }): DynamicModule {
    return {
      module: ApiModule,
      imports: [PlatformModule.forRoot(deps)],
      controllers: [AuthController, ItemController],
      providers: [
        { provide: ELASTICSEARCH, useValue: deps.es },
        UserRepository,
        AuthService,
        ItemSearchService,
        LiveGateway,
      ],
    };
  }
}
