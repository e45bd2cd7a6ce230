using CaseManager.Domain.Agencies;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;

namespace CaseManager.Domain.UnitTests;

/// <summary>The agencies, person, day and agreements the sharing tests are written about.</summary>
internal static class SharingExamples
{
    public static readonly DateOnly Today = new(2026, 11, 26);
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    public static readonly AgencyCode Police = AgencyCode.Parse("POLICE");
    public static readonly AgencyCode Probation = AgencyCode.Parse("PROBATION");
    public static readonly AgencyCode Fit = AgencyCode.Parse("FIT");
    public static readonly AgencyCode Daat = AgencyCode.Parse("DAAT");
    public static readonly PersonId Adam = new(Guid.Parse("00000000-0000-0000-0000-00000000000a"));

    /// <summary>An agreement in force from 100 days ago unless <paramref name="from"/> says otherwise.</summary>
    public static SharingAgreement Agreement(AgencyCode[] agencies, DataCategory[] categories, Scheme[] purposes, bool consent, DateOnly? from = null, DateOnly? to = null) =>
        SharingAgreement.Create(
            new SharingAgreementTerms("Test agreement", agencies, categories, purposes, LawfulBasis.PublicTask, null, null, consent, from ?? Today.AddDays(-100), to),
            Guid.NewGuid(),
            Now);
}
