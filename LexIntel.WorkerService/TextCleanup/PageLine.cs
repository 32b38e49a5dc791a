namespace LexIntel.WorkerService.TextCleanup;

/// <summary>One line of a page while its furniture is looked for; <see cref="Removed"/> once it is found to be furniture.</summary>
internal sealed class PageLine(string text)
{
    public string Text { get; } = text;

    public bool Removed { get; set; }

    public bool IsContent => !Removed && !string.IsNullOrWhiteSpace(Text);
}
