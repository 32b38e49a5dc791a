namespace LexIntel.Benchmarks.Infrastructure;

/// <summary>A scenario's command-line options after its name (<c>--corpus DIR</c>).</summary>
internal static class ScenarioArguments
{
    /// <summary>The value after <paramref name="name"/>, or null when the option is not given.</summary>
    public static string? Value(this IReadOnlyList<string> args, string name)
    {
        var index = args.ToList().IndexOf(name);
        return index >= 0 && index + 1 < args.Count ? args[index + 1] : null;
    }
}
