namespace LexIntel.Tests.EndToEnd.AccessMatrix;

/// <summary>How the matrix calls one route: its body and query, and what an admitted caller must get beyond its status.</summary>
internal sealed record RouteSample
{
    public static readonly RouteSample None = new();

    /// <summary>The request's body for a target; none by default.</summary>
    public Func<MatrixTarget, HttpContent?> Body { get; init; } = _ => null;

    /// <summary>The request's query string for a target; none by default.</summary>
    public Func<MatrixTarget, string> Query { get; init; } = _ => string.Empty;

    /// <summary>
    /// Changes nothing the walk reads, so an admitted caller sends it to the shared resources;
    /// every other route that is not a GET gets fresh ones (<see cref="MatrixTarget"/>).
    /// </summary>
    public bool Harmless { get; init; }

    /// <summary>The body names the target's case, so the caller's access to it decides, as a path's case would.</summary>
    public bool BodyNamesCase { get; init; }

    /// <summary>What an admitted caller gets instead of the documented success (a dead letter that does not exist: 404).</summary>
    public int? AdmittedStatus { get; init; }

    /// <summary>For an admitted caller: what the answer must hold; a failure's description, or null.</summary>
    public Func<MatrixCaller, MatrixResource, string, string?> Check { get; init; } = (_, _, _) => null;
}
