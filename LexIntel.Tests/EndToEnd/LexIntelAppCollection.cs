namespace LexIntel.Tests.EndToEnd;

[CollectionDefinition(Name)]
public sealed class LexIntelAppCollection : ICollectionFixture<LexIntelAppFixture>
{
    public const string Name = "LexIntel app";
}
