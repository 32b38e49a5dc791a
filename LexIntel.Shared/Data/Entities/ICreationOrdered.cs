namespace LexIntel.Shared.Data.Entities;

/// <summary>Listed newest first: by creation time, ties broken by id, so a keyset cursor is a total order.</summary>
public interface ICreationOrdered
{
    Guid Id { get; }

    DateTimeOffset CreatedAt { get; }
}
