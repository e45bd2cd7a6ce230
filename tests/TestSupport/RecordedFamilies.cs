using CaseManager.Application.Cases;
using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Households;
using CaseManager.Application.Households.AddHouseholdMember;
using CaseManager.Application.Households.RecordHousehold;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Application.Sharing;
using CaseManager.Application.Sharing.CreateSharingAgreement;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;

namespace CaseManager.TestSupport;

/// <summary>A mother and her son recorded as one household by the FIT keyworker.</summary>
public sealed record RecordedFamily(HouseholdId Household, PersonId Mother, PersonId Son);

/// <summary>
/// Households, members, family cases and the Troubled Families agreement recorded as a user would: through the
/// mediator, so every test that builds a family goes through the same validation and access rule as the API.
/// (<see cref="ClaimFamilies"/> writes straight to the database instead, for the claims engine's larger worlds.)
/// </summary>
public static class RecordedFamilies
{
    /// <summary>
    /// Records "<paramref name="name"/>" with a mother (born 9 May 1984) and a son aged <paramref name="sonAge"/>, both
    /// joining on <paramref name="joined"/>; the son leaves on <paramref name="sonLeft"/> when it is given.
    /// </summary>
    public static async Task<RecordedFamily> RecordFamilyAsync(
        this CaseManagerFactory factory, string name, DateOnly joined, int sonAge = 14, DateOnly? sonLeft = null)
    {
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var household = await factory.RecordHouseholdAsync(name);
        var mother = await factory.RegisterAsync(name, "Mother", new DateOnly(1984, 5, 9));
        var son = await factory.RegisterAsync(name, "Son", today.AddYears(-sonAge));
        await factory.AddMemberAsync(household, mother, Relationship.ParentCarer, joined);
        await factory.AddMemberAsync(household, son, Relationship.Child, joined, sonLeft);
        return new RecordedFamily(household, mother, son);
    }

    public static async Task<HouseholdId> RecordHouseholdAsync(this CaseManagerFactory factory, string name, string address = "1 Test Street") =>
        new((await factory.SendAsAsync<HouseholdView>(DemoUsers.FitKeyworker, new RecordHouseholdCommand(name, address))).Id);

    public static async Task<PersonId> RegisterAsync(this CaseManagerFactory factory, string familyName, string givenName, DateOnly born) =>
        new((await factory.SendAsAsync<PersonDetailsView>(DemoUsers.FitKeyworker, new RegisterPersonCommand(givenName, familyName, born))).Id);

    public static Task<HouseholdMemberView> AddMemberAsync(
        this CaseManagerFactory factory, HouseholdId household, PersonId person, Relationship relationship, DateOnly from, DateOnly? to = null) =>
        factory.SendAsAsync<HouseholdMemberView>(DemoUsers.FitKeyworker, new AddHouseholdMemberCommand(household, person, relationship, from, to));

    /// <summary>Opens a family case on the household as the FIT keyworker (Troubled Families unless told otherwise).</summary>
    public static Task<CaseView> OpenFamilyCaseAsync(
        this CaseManagerFactory factory, HouseholdId household, DateOnly start, Scheme scheme = Scheme.TroubledFamilies, Guid? lead = null) =>
        factory.SendAsAsync<CaseView>(DemoUsers.FitKeyworker, new OpenCaseCommand(scheme, default, start, HouseholdId: household, LeadProfessional: lead));

    /// <summary>
    /// FIT and DAAT share <paramref name="categories"/> for Troubled Families without consent (public task, Children Act
    /// 2004 s10), from a year ago, naming the Art 9 condition <paramref name="condition"/> when one is given.
    /// </summary>
    public static Task<SharingAgreementView> TroubledFamiliesAgreementAsync(
        this CaseManagerFactory factory, IReadOnlyList<DataCategory> categories, string? condition = null)
    {
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        return factory.SendAsAsync<SharingAgreementView>(DemoUsers.InformationGovernance, new CreateSharingAgreementCommand(
            "Troubled Families: FIT and DAAT",
            ["FIT", "DAAT"],
            categories,
            [Scheme.TroubledFamilies],
            LawfulBasis.PublicTask,
            condition,
            "Children Act 2004 s10",
            ConsentRequired: false,
            today.AddYears(-1),
            null));
    }
}
