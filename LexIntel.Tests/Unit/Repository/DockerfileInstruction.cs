namespace LexIntel.Tests.Unit.Repository;

/// <summary>
/// One instruction of a Dockerfile as Docker reads it: continuation lines joined, empty and comment
/// lines left out, numbered by the build stage it belongs to (each <c>FROM</c> starts the next, from 0).
/// </summary>
internal sealed record DockerfileInstruction(int Stage, string Keyword, string Arguments)
{
    public static IReadOnlyList<DockerfileInstruction> Read(string path)
    {
        var instructions = new List<DockerfileInstruction>();
        var stage = -1;
        var pending = "";
        foreach (var line in File.ReadAllLines(path).Select(l => l.Trim()))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1].TrimEnd() + " ";
                continue;
            }

            var text = pending + line;
            pending = "";
            var (keyword, arguments) = text.IndexOf(' ', StringComparison.Ordinal) is var space and > 0
                ? (text[..space].ToUpperInvariant(), text[(space + 1)..].Trim())
                : (text.ToUpperInvariant(), "");
            if (keyword == "FROM")
            {
                stage++;
            }

            instructions.Add(new DockerfileInstruction(stage, keyword, arguments));
        }

        return instructions;
    }
}
