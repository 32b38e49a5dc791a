using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using LexIntel.Shared.Queue;
using LexIntel.Tests.ConsumerHost;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddSingleton<IConnectionMultiplexer>(_ =>
    ConnectionMultiplexer.Connect(builder.Configuration.GetConnectionString("redis") ?? throw new InvalidOperationException("ConnectionStrings:redis is required.")));
builder.Services.Configure<QueueOptions>(builder.Configuration.GetSection(QueueOptions.SectionName));
builder.Services.Configure<LedgerOptions>(builder.Configuration.GetSection(LedgerOptions.SectionName));
builder.Services.AddJobHandler<LedgerJobHandler>(builder.Configuration["Ledger:Kind"] ?? throw new InvalidOperationException("Ledger:Kind is required."));
builder.Build().Run();
