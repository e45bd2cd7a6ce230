using System.Net.Http.Headers;
using CaseManager.ClientContract.Generated;
using CaseManager.ClientContract.Generated.Models;
using CaseManager.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace CaseManager.ClientContract.Tests;

/// <summary>The real app on Kestrel, reached over a real TCP connection, as a partner system would.</summary>
public sealed class KestrelCaseManagerFactory : CaseManagerFactory
{
    public KestrelCaseManagerFactory() => UseKestrel(0);

    public Uri Address
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        }
    }
}

/// <summary>
/// A partner's journey through the client generated from the served document (Kiota): sign in, register a person,
/// open an IOM case, log a contact and read the person's timeline. It compiles only while the contract still has
/// these operations and shapes.
/// </summary>
public sealed class TypedClientJourneyTests(KestrelCaseManagerFactory factory) : IClassFixture<KestrelCaseManagerFactory>
{
    [Fact]
    public async Task APartnerSystem_SignsInRegistersAPersonOpensAnIomCaseLogsAContactAndReadsTheTimeline()
    {
        using var http = new HttpClient { BaseAddress = factory.Address };
        var anonymous = Client(http);

        var token = await anonymous.Api.V1.Auth.Token.PostAsync(new TokenRequest { Email = DemoUsers.PoliceCaseworker, Password = factory.DemoPassword });
        token!.AccessToken.Should().NotBeNullOrEmpty();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        var client = Client(http);

        var person = await client.Api.V1.People.PostAsync(new RegisterPersonCommand
        {
            GivenName = "Kiota",
            FamilyName = "Journey",
            DateOfBirth = new Date(1990, 4, 1),
            Identifiers = new PersonIdentifierValues { NhsNumber = "943 476 5919" },
        });
        person!.Id.Should().NotBeNull();
        person.OwnerAgency.Should().Be("POLICE");

        var opened = await client.Api.V1.Cases.PostAsync(new OpenCaseRequest
        {
            Scheme = Scheme.Iom,
            PersonId = person.Id,
            StartDate = new Date(2026, 10, 1),
            Cohort = OpenCaseRequest_cohort.Fixed,
            Tier = OpenCaseRequest_tier.Red,
            SelectionReason = "Three burglaries in six months",
        });
        opened!.Id.Should().NotBeNull();

        var contact = await client.Api.V1.Cases[opened.Id!.Value].Interventions.PostAsync(new LogInterventionRequest
        {
            Type = InterventionType.PhoneContact,
            OccurredAt = CaseManagerFactory.StartOfTests.AddHours(-2),
            DurationMinutes = 15,
            Outcome = "Agreed to attend the office on Monday",
        });
        contact!.Id.Should().NotBeNull();

        var timeline = await client.Api.V1.People[person.Id!.Value].Timeline.GetAsync(r => r.QueryParameters.PageSize = 50);
        timeline!.Items.Should().Contain(e => e.RecordId == contact.Id, "the contact is on the person's timeline");
    }

    private static CaseManagerClient Client(HttpClient http) =>
        new(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = http.BaseAddress!.ToString().TrimEnd('/') });
}
