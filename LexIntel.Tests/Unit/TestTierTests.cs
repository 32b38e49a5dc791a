using System.Reflection;
using Xunit.v3;

namespace LexIntel.Tests.Unit;

/// <summary>A class without a tier would silently drop out of every tier-filtered run.</summary>
[Tier(TestTier.Unit)]
public sealed class TestTierTests
{
    [Fact]
    public void Every_test_class_belongs_to_exactly_one_tier()
    {
        const BindingFlags AllMethods = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        var testClasses = typeof(TestTierTests).Assembly.GetTypes()
            .Where(type => type.GetMethods(AllMethods).Any(method => method.GetCustomAttributes().Any(attribute => attribute is IFactAttribute)))
            .ToList();

        var untiered = testClasses
            .Where(type => type.GetCustomAttributes<TierAttribute>(inherit: true).Count() != 1)
            .Select(type => type.FullName)
            .Order()
            .ToList();

        Assert.Contains(typeof(TestTierTests), testClasses);
        Assert.Empty(untiered);
    }
}
