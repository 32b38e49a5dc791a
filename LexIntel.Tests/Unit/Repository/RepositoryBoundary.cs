using System.Text.RegularExpressions;

namespace LexIntel.Tests.Unit.Repository;

/// <summary>
/// Finds the places where the repository's own files name a path outside it: a clone of the
/// repository alone must build, test and benchmark, so nothing may reach for a sibling folder
/// (such as the <c>shared</c> material it was copied from) or for one developer's machine.
/// </summary>
internal static partial class RepositoryBoundary
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { ".git", "bin", "obj", "node_modules", "TestResults", "bench-results", "testdata" };

    private static readonly HashSet<string> BuildFileExtensions = new(StringComparer.OrdinalIgnoreCase) { ".csproj", ".props", ".targets", ".sln", ".sh" };

    private static readonly HashSet<string> SourceExtensions = new(StringComparer.OrdinalIgnoreCase) { ".cs", ".json", ".yml", ".yaml", ".md", ".ts", ".js", ".html", ".css" };

    /// <summary>Each offending line as "path:line: what".</summary>
    public static IReadOnlyList<string> Violations(string root)
    {
        root = Path.GetFullPath(root);
        var outside = Directory.GetParent(root)?.FullName;
        var findings = new List<string>();
        foreach (var file in Files(root))
        {
            var isBuildFile = IsBuildFile(file);
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (Problems(lines[i], Path.GetDirectoryName(file)!, root, outside, isBuildFile).FirstOrDefault() is { } problem)
                {
                    findings.Add($"{Path.GetRelativePath(root, file)}:{i + 1}: {problem}");
                }
            }
        }

        return findings;
    }

    private static IEnumerable<string> Problems(string line, string directory, string root, string? outside, bool isBuildFile)
    {
        if (SiblingShared().IsMatch(line) || ClimbingPathCombine().IsMatch(line))
        {
            yield return "names a folder beside the repository";
        }

        if (MachinePath().Match(line) is { Success: true } machine)
        {
            yield return $"names an absolute path on one machine ({machine.Value})";
        }

        if (outside is not null && outside != "/" && line.Contains(outside + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            yield return $"names the folder that holds the checkout ({outside})";
        }

        if (!isBuildFile)
        {
            yield break;
        }

        foreach (Match relative in RelativePath().Matches(line))
        {
            var resolved = Path.GetFullPath(Path.Combine(directory, relative.Value.Replace('\\', '/')));
            if (!resolved.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && resolved != root)
            {
                yield return $"{relative.Value} leads outside the repository";
            }
        }
    }

    private static bool IsBuildFile(string file) =>
        BuildFileExtensions.Contains(Path.GetExtension(file)) || Path.GetFileName(Path.GetDirectoryName(file)) == ".ci";

    private static IEnumerable<string> Files(string root)
    {
        foreach (var file in Directory.EnumerateFiles(root))
        {
            if (IsBuildFile(file) || SourceExtensions.Contains(Path.GetExtension(file)) || Path.GetFileName(file) == "Dockerfile")
            {
                yield return file;
            }
        }

        foreach (var folder in Directory.EnumerateDirectories(root).Where(d => !SkippedFolders.Contains(Path.GetFileName(d))))
        {
            foreach (var file in Files(folder))
            {
                yield return file;
            }
        }
    }

    [GeneratedRegex(@"\.\.[\\/]+shared\b")]
    private static partial Regex SiblingShared();

    [GeneratedRegex(@"Path\.Combine\([^)]*""\.\.""")]
    private static partial Regex ClimbingPathCombine();

    [GeneratedRegex(@"(?<![\w.])(?:/(?:work|home|root|Users|mnt)/|[A-Za-z]:\\{1,2}(?=\w))[^\s""'<>]*")]
    private static partial Regex MachinePath();

    [GeneratedRegex(@"(?:\.\.[\\/])+[^\s""'<>;)]*")]
    private static partial Regex RelativePath();
}
