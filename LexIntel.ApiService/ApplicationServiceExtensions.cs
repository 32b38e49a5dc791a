using LexIntel.ApiService.Ask;
using LexIntel.ApiService.Audit;
using LexIntel.ApiService.Cors;
using LexIntel.ApiService.Documents;
using LexIntel.ApiService.ErrorHandling;
using LexIntel.ApiService.Identity;
using LexIntel.ApiService.Limits;
using LexIntel.ApiService.OpenApi;
using LexIntel.ApiService.Progress;
using LexIntel.ApiService.Search;
using LexIntel.ApiService.Tenancy;
using LexIntel.ApiService.WebApp;
using LexIntel.Shared.Data;
using LexIntel.Shared.Deletion;
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
        builder.AddLexIntelFileStore();
        builder.Services.AddOutboxDispatcher();
        builder.Services.AddSingleton<Deletions>();
        builder.Services.Configure<UploadOptions>(builder.Configuration.GetSection(UploadOptions.SectionName));
        builder.Services.AddOptions<ProgressStreamOptions>()
            .BindConfiguration(ProgressStreamOptions.SectionName)
            .Validate(o => o.HeartbeatInterval > TimeSpan.Zero && o.ReconnectionInterval > TimeSpan.Zero, $"{ProgressStreamOptions.SectionName}:HeartbeatInterval and ReconnectionInterval must be positive.")
            .Validate(o => o.MaxOpenPerUser >= 1, $"{ProgressStreamOptions.SectionName}:MaxOpenPerUser must be at least 1.")
            .Validate(o => o.MaxLifetime >= TimeSpan.FromSeconds(10), $"{ProgressStreamOptions.SectionName}:MaxLifetime must be at least 10 seconds.")
            .ValidateOnStart();
        builder.AddLexIntelRateLimits();
        builder.AddLexIntelRequestTimeouts();
        builder.AddLexIntelCors();
        builder.AddProgressTickets();
        builder.Services.AddScoped<DocumentUploader>();
        builder.Services.AddScoped<DocumentCancellation>();
        builder.AddSearch();
        builder.AddAsk();

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<SecuritySchemeTransformer>();
            options.AddOperationTransformer<SecuritySchemeTransformer>();
            options.AddOperationTransformer<AccessRequirementTransformer>();
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddTenantContext();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddOptions<WebAppOptions>().BindConfiguration(WebAppOptions.SectionName);

        return builder;
    }
}
