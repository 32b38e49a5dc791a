using LexIntel.ApiService.Ask;
using LexIntel.ApiService.Audit;
using LexIntel.ApiService.Documents;
using LexIntel.ApiService.ErrorHandling;
using LexIntel.ApiService.Identity;
using LexIntel.ApiService.Progress;
using LexIntel.ApiService.Search;
using LexIntel.ApiService.Tenancy;
using LexIntel.Shared.Data;
using LexIntel.Shared.Queue;
using LexIntel.Shared.Storage;

namespace LexIntel.ApiService;

internal static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddLexIntelIdentity();
        builder.AddLexIntelDbContext();
        builder.AddLexIntelRedis();
        builder.AddLexIntelStorage();
        builder.Services.AddOutboxDispatcher();
        builder.Services.Configure<UploadOptions>(builder.Configuration.GetSection(UploadOptions.SectionName));
        builder.Services.Configure<ProgressStreamOptions>(builder.Configuration.GetSection(ProgressStreamOptions.SectionName));
        builder.AddProgressTickets();
        builder.Services.AddScoped<DocumentUploader>();
        builder.AddSearch();
        builder.AddAsk();

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<TenantContext>();
        builder.Services.AddScoped<AuditLog>();

        return builder;
    }
}
