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
}
