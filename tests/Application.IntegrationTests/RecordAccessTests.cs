using CaseManager.Application.Common.Paging;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Application.People.SearchPeople;
using CaseManager.TestSupport;

namespace CaseManager.Application.IntegrationTests;

public sealed class RecordAccessTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    [Theory]
    [InlineData(DemoUsers.PoliceCaseworker, "POLICE")]
    [InlineData(DemoUsers.FitKeyworker, "FIT")]
    [InlineData(DemoUsers.DaatWorker, "DAAT")]
    [InlineData(DemoUsers.ClaimsOfficer, "COUNCIL")]
    public async Task SearchPeople_ReturnsOnlyTheReadersAgencyRecords(string reader, string agency)
    {
        await factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, new RegisterPersonCommand("Visible", "Police", new DateOnly(1980, 1, 1)));
        await factory.SendAsAsync<PersonDetailsView>(DemoUsers.FitKeyworker, new RegisterPersonCommand("Visible", "Fit", new DateOnly(1980, 1, 1)));

        var page = await factory.SendAsAsync<Paged<PersonListItem>>(reader, new SearchPeopleQuery(PageSize: 200));

        page.Items.Select(p => p.OwnerAgency).Distinct().Should().BeSubsetOf([agency]);
        page.Total.Should().Be(page.Items.Count);
    }
}
