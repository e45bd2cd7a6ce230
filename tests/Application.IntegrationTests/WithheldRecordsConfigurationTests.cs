using CaseManager.Application.People.GetWithheldRecords;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.People;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.IntegrationTests;

/// <summary>
/// <c>Partnership:DiscloseWithheldCategories</c> end to end: a configured list replaces the default, so it can say
/// less than the default does. Probation sees Adam Ashby under the IOM agreement but not a youth offending
/// service's family case on him (children and safeguarding), which the default discloses.
/// </summary>
public sealed class WithheldRecordsConfigurationTests
{
    [Fact]
    public async Task WithheldRecords_ByDefault_NameTheHolderOfAChildrenAndSafeguardingRecord()
    {
        using var factory = new CaseManagerFactory();
        var adam = await WithYouthOffendingCaseAsync(factory);

        var withheld = await factory.SendAsAsync<IReadOnlyList<WithheldRecords>>(DemoUsers.ProbationCaseworker, new GetWithheldRecordsQuery(adam));

        withheld.Should().ContainSingle(w => w.AgencyCode == "YOS" && w.Records == 1);
    }

    [Theory]
    [InlineData("Offending")]
    [InlineData("")]
    public async Task WithheldRecords_WithANarrowerConfiguredList_SayNothingOfOtherCategories(string configured)
    {
        using var factory = new ConfiguredFactory(configured);
        var adam = await WithYouthOffendingCaseAsync(factory);

        var withheld = await factory.SendAsAsync<IReadOnlyList<WithheldRecords>>(DemoUsers.ProbationCaseworker, new GetWithheldRecordsQuery(adam));

        withheld.Should().BeEmpty();
    }

    private static Task<PersonId> WithYouthOffendingCaseAsync(CaseManagerFactory factory) =>
        factory.QueryDbAsync(async db =>
        {
            var adam = await db.People.Where(p => p.FamilyName == "Ashby").Select(p => p.Id).SingleAsync();
            var today = DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime);
            db.Cases.Add(Case.Open(adam, Scheme.Fit, AgencyCode.Parse("YOS"), today.AddMonths(-1), null, CaseManagerFactory.StartOfTests, today));
            await db.SaveChangesAsync();
            return adam;
        });

    private sealed class ConfiguredFactory(string categories) : CaseManagerFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
            [new("Partnership:DiscloseWithheldCategories", categories)];
    }
}
