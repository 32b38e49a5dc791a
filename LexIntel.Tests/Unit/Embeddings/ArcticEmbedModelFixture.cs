using LexIntel.Shared.Embeddings;
using Microsoft.Extensions.Options;

namespace LexIntel.Tests.Unit.Embeddings;

/// <summary>Loads the real model once for the tests that use it.</summary>
public sealed class ArcticEmbedModelFixture : IDisposable
{
    public ArcticEmbedModel Model { get; } = new(Options.Create(new EmbeddingOptions()));

    public void Dispose() => Model.Dispose();
}
