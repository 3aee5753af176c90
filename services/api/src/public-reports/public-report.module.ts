import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { PUBLIC_REPORTS_PER_HOUR, PublicReportController } from './public-report.controller';
import { PublicReportService } from './public-report.service';

// The throttle counts per client address (Express's req.ip, so behind TRUSTED_PROXIES the
// forwarded one) in memory: per API instance, which is enough against a flood from one address.
@Module({
  imports: [ThrottlerModule.forRoot([{ name: 'default', ttl: 3_600_000, limit: PUBLIC_REPORTS_PER_HOUR }])],
  controllers: [PublicReportController],
  providers: [PublicReportService],
})
export class PublicReportModule {}
