namespace LexIntel.Shared.Queue;

/// <summary>The job streams of the document pipeline (see <c>DocumentPipeline</c>, which orders them).</summary>
public static class JobKinds
{
    public const string Extract = "extract";
    public const string Embed = "embed";
}
