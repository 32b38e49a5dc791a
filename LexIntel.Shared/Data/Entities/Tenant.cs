namespace LexIntel.Shared.Data.Entities;

/// <summary>An organisation using LexIntel; every case, and so everything in it, belongs to one.</summary>
public sealed class Tenant
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<Case> Cases { get; } = [];
}
