using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LexIntel.Shared.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddLexIntelStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.SectionName));
        builder.Services.AddSingleton<IFileStore, LocalFileStore>();
        return builder;
    }

    /// <summary>The key of a document's original: ids only, so no file name ever reaches the file system.</summary>
    public static string DocumentKey(Guid tenantId, Guid caseId, Guid documentId) => $"{tenantId:N}/{caseId:N}/{documentId:N}";
}
