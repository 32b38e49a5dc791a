using LexIntel.ApiService.Cases;
using LexIntel.ApiService.Tenancy;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.Tests.Unit.Cases;

[Tier(TestTier.Unit)]
public sealed class CaseAccessRuleTests
{
    private const string User = "lawyer@firm";

    [Theory]
    [InlineData(false, null, false, CaseAccess.Editor)]
    [InlineData(false, null, true, CaseAccess.Owner)]
    [InlineData(true, null, true, null)]
    [InlineData(true, CaseAccess.Viewer, false, CaseAccess.Viewer)]
    [InlineData(false, CaseAccess.Viewer, true, CaseAccess.Viewer)]
    [InlineData(false, CaseAccess.Screened, true, null)]
    [InlineData(true, CaseAccess.Owner, false, CaseAccess.Owner)]
    public void A_case_names_what_its_users_may_do_and_a_screen_beats_every_role(bool restricted, CaseAccess? member, bool tenantAdmin, CaseAccess? expected) =>
        Assert.Equal(expected, CaseAccessRule.Effective(restricted, member, tenantAdmin));

    /// <summary>The SQL filter and the rule are two spellings of one rule: they must agree on every combination.</summary>
    [Fact]
    public void The_visibility_filter_shows_exactly_the_cases_the_rule_gives_access_to()
    {
        var tenant = Guid.NewGuid();
        var cases = new List<Case>();
        foreach (var restricted in new[] { false, true })
        {
            foreach (var member in new CaseAccess?[] { null, CaseAccess.Screened, CaseAccess.Viewer, CaseAccess.Editor, CaseAccess.Owner })
            {
                var entity = new Case { Id = Guid.NewGuid(), TenantId = tenant, Name = $"{restricted} {member}", Restricted = restricted };
                if (member is { } access)
                {
                    entity.Members.Add(new CaseMember { CaseId = entity.Id, UserId = User, Access = access });
                }

                entity.Members.Add(new CaseMember { CaseId = entity.Id, UserId = "someone-else", Access = CaseAccess.Owner });
                cases.Add(entity);
            }
        }

        cases.Add(new Case { Id = Guid.NewGuid(), TenantId = Guid.NewGuid(), Name = "another tenant's" });

        foreach (var tenantAdmin in new[] { false, true })
        {
            var caller = new TenantContext();
            caller.Set(tenant, User, tenantAdmin);

            var visible = cases.AsQueryable().VisibleTo(caller).Select(c => c.Name).ToHashSet();

            var expected = cases.Where(c => c.TenantId == tenant
                && CaseAccessRule.Effective(c.Restricted, c.Members.FirstOrDefault(m => m.UserId == User)?.Access, tenantAdmin) is not null).Select(c => c.Name);
            Assert.Equal(expected.Order(), visible.Order());
        }
    }
}
