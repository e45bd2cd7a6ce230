using CaseManager.Domain.Agencies;
using CaseManager.Domain.People;

namespace CaseManager.Domain.Sharing;

/// <summary>
/// One way an agency may read another agency's records about a person (DOMAIN.md IS7 branch 2): the reader may
/// read the owner's records of one category about the person from one day to another, because an agreement covers
/// both agencies, the category and a scheme the person is enrolled in and the reader takes part in, with the
/// person's consent where the agreement needs it. These rows are derived from agreements, consents, enrolments and
/// agencies' schemes by <see cref="Derive"/>, kept in step on every save that changes one of those, and read by the
/// access rule (ADR 0015). Nobody edits them.
/// </summary>
public sealed class SharingRight
{
    private SharingRight()
    {
    }

    public long Id { get; private set; }

    public PersonId PersonId { get; private set; }

    public AgencyCode ReaderAgency { get; private set; }

    public AgencyCode OwnerAgency { get; private set; }

    public DataCategory DataCategory { get; private set; }

    public SharingAgreementId AgreementId { get; private set; }

    /// <summary>The agreement's purpose the person is enrolled in.</summary>
    public Scheme Scheme { get; private set; }

    /// <summary>The consent it rests on, when the agreement needs one.</summary>
    public ConsentId? ConsentId { get; private set; }

    /// <summary>The first day it counts: the agreement's start, or the day consent was given if later.</summary>
    public DateOnly ValidFrom { get; private set; }

    /// <summary>The last day it counts (null: open-ended): the agreement's end, or the consent's review date if earlier.</summary>
    public DateOnly? ValidTo { get; private set; }

    public bool CountsOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || ValidTo >= day);

    /// <summary>False for an agreement ended before it began, or a consent given after the agreement ended.</summary>
    private bool IsEverValid => ValidTo is not { } to || ValidFrom <= to;

    /// <summary>The same right, resting also on a consent: it counts only while both do.</summary>
    private SharingRight RestingOn(Consent consent) => new()
    {
        PersonId = PersonId,
        ReaderAgency = ReaderAgency,
        OwnerAgency = OwnerAgency,
        DataCategory = DataCategory,
        AgreementId = AgreementId,
        Scheme = Scheme,
        ConsentId = consent.Id,
        ValidFrom = consent.RecordedOn > ValidFrom ? consent.RecordedOn : ValidFrom,
        ValidTo = ValidTo is { } end && end < consent.ReviewOn ? end : consent.ReviewOn,
    };

    public override string ToString() =>
        $"{ReaderAgency} reads {OwnerAgency}'s {DataCategory} on {PersonId} under {AgreementId} for {Scheme}"
        + (ConsentId is { } consent ? $" with consent {consent}" : string.Empty)
        + $" from {ValidFrom:yyyy-MM-dd} to {(ValidTo is { } to ? to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "open")}";

    /// <summary>
    /// Every right the given facts allow. The facts must be complete for the people and agreements asked
    /// about: all of their open enrolments, all of their given consents, every agency's schemes. The answer does not
    /// depend on today: validity is kept as dates, so expiry and future starts take effect on the day without a write.
    /// Victim-sensitive records are never shared by agreement, so no right is made for them.
    /// </summary>
    public static IEnumerable<SharingRight> Derive(
        IEnumerable<Enrolment> enrolments,
        IReadOnlyCollection<SharingAgreement> agreements,
        IReadOnlyCollection<Consent> givenConsents,
        IReadOnlyDictionary<AgencyCode, IReadOnlySet<Scheme>> agencySchemes)
    {
        var consentsByPersonAndPurpose = givenConsents
            .Where(c => c.Status == ConsentStatus.Given)
            .ToLookup(c => (c.PersonId, c.Purpose));
        foreach (var (personId, scheme) in enrolments.Distinct())
        {
            foreach (var agreement in agreements.Where(a => a.Purposes.Any(p => p.Scheme == scheme)))
            {
                var parties = agreement.Agencies.Select(a => a.Agency).Distinct().ToList();
                var categories = agreement.Categories.Select(c => c.Category).Where(c => c != DataCategory.VictimSensitive).Distinct().ToList();
                var readers = parties.Where(r => agencySchemes.TryGetValue(r, out var schemes) && schemes.Contains(scheme));
                foreach (var reader in readers)
                {
                    foreach (var owner in parties.Where(o => o != reader))
                    {
                        foreach (var category in categories)
                        {
                            var right = new SharingRight
                            {
                                PersonId = personId,
                                ReaderAgency = reader,
                                OwnerAgency = owner,
                                DataCategory = category,
                                AgreementId = agreement.Id,
                                Scheme = scheme,
                                ValidFrom = agreement.ValidFrom,
                                ValidTo = agreement.ValidTo,
                            };
                            if (!agreement.ConsentRequired)
                            {
                                if (right.IsEverValid)
                                {
                                    yield return right;
                                }

                                continue;
                            }

                            var covering = consentsByPersonAndPurpose[(personId, scheme)]
                                .Where(c => c.Recipients.Any(r => r.Agency == reader) && c.Categories.Any(k => k.Category == category));
                            foreach (var consent in covering)
                            {
                                var withConsent = right.RestingOn(consent);
                                if (withConsent.IsEverValid)
                                {
                                    yield return withConsent;
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// <summary>A person enrolled in a scheme: they have an open (not exited) case in it.</summary>
public readonly record struct Enrolment(PersonId PersonId, Scheme Scheme);
