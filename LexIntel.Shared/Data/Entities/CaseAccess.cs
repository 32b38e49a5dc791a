namespace LexIntel.Shared.Data.Entities;

/// <summary>
/// What a user may do in one case, in increasing order. <see cref="Screened"/> is an ethical wall:
/// the user sees nothing of the case, whatever else they are.
/// </summary>
public enum CaseAccess
{
    Screened,
    Viewer,
    Editor,
    Owner,
}
