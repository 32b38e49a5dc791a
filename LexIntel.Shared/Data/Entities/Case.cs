namespace LexIntel.Shared.Data.Entities;

/// <summary>A legal matter: the unit users put documents into and search within.</summary>
public sealed class Case : ICreationOrdered
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Tenant? Tenant { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Only the case's members see it; everyone else in the tenant does not know it exists.</summary>
    public bool Restricted { get; set; }

    public List<Document> Documents { get; } = [];

    public List<CaseMember> Members { get; } = [];
}
