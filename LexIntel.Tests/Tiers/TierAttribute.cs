using Xunit.v3;

namespace LexIntel.Tests;

/// <summary>
/// Puts every test of a class in one <see cref="TestTier"/>, as the trait <c>Tier=&lt;name&gt;</c>;
/// one attribute instead of <c>[Trait("Tier", "…")]</c> strings, so a misspelt tier cannot compile.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class TierAttribute(TestTier tier) : Attribute, ITraitAttribute
{
    public const string TraitName = "Tier";

    public TestTier Tier { get; } = tier;

    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(TraitName, Tier.ToString())];
}
