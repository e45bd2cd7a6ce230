using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.People;

namespace CaseManager.Domain.Treatment;

/// <summary>What the referral says about a treatment episode (DT1), before the rules are checked.</summary>
public sealed record TreatmentDetails(
    DateOnly ReferralDate,
    string? ReferralSource,
    DateOnly? TriageDate,
    TreatmentSubstance PrimarySubstance,
    TreatmentSubstance? SecondarySubstance,
    TreatmentSubstance? TertiarySubstance,
    InjectingStatus InjectingStatus);

/// <summary>
/// A treatment episode (DOMAIN.md DT1): the referral, triage, substances and injecting status of one treatment case,
/// kept in its own table keyed by the case (ADR 0020), so the case carries nothing of any one scheme. The care
/// coordinator is the case's allocated worker (one per client, so reminders and caseloads need nothing new). The
/// discharge (date, DT2 reason, and whether it was a successful completion) is written when the exit is approved.
/// Health data (DT5): category <see cref="DataCategory.HealthSubstanceMisuse"/>, owned by the case's agency.
/// </summary>
public sealed class TreatmentEpisode : IPersonRecord
{
    private TreatmentEpisode()
    {
    }

    public CaseId CaseId { get; private set; }

    public PersonId PersonId { get; private set; }

    /// <summary>Adult or young people's treatment (the case's scheme).</summary>
    public Scheme Service { get; private set; }

    public AgencyCode OwnerAgency { get; private set; }

    public DataCategory DataCategory { get; private set; }

    /// <summary>The case's start date: the day treatment started.</summary>
    public DateOnly StartDate { get; private set; }

    public DateOnly ReferralDate { get; private set; }

    public string ReferralSource { get; private set; } = string.Empty;

    public DateOnly? TriageDate { get; private set; }

    public TreatmentSubstance PrimarySubstance { get; private set; }

    public TreatmentSubstance? SecondarySubstance { get; private set; }

    public TreatmentSubstance? TertiarySubstance { get; private set; }

    public InjectingStatus InjectingStatus { get; private set; }

    /// <summary>DT2/DT4: any opiate among the substances. Stored so that reports count it in SQL.</summary>
    public bool OpiateClient { get; private set; }

    public DateOnly? DischargedOn { get; private set; }

    public ExitReason? DischargeReason { get; private set; }

    /// <summary>DT2, decided at discharge: null until then.</summary>
    public bool? SuccessfulCompletion { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IEnumerable<TreatmentSubstance> Substances =>
        new TreatmentSubstance?[] { PrimarySubstance, SecondarySubstance, TertiarySubstance }.OfType<TreatmentSubstance>();

    public static bool IsTreatment(Scheme scheme) => scheme is Scheme.AdultTreatment or Scheme.YoungPeopleTreatment;

    /// <summary>The episode of a newly opened treatment case. "Today" is the partnership's calendar day.</summary>
    public static TreatmentEpisode Open(Case treatmentCase, TreatmentDetails details, DateOnly today, DateTimeOffset at)
    {
        treatmentCase.EnsureOpen();
        if (!IsTreatment(treatmentCase.Scheme))
        {
            throw new DomainRuleException("treatment.not-treatment-case", "Only adult and young people's treatment cases have a treatment episode");
        }

        if (details.ReferralDate > today)
        {
            throw new DomainRuleException("treatment.referral-in-future", "The referral date cannot be in the future");
        }

        if (details.ReferralDate > treatmentCase.StartDate)
        {
            throw new DomainRuleException("treatment.referral-after-start", "The referral date cannot be after treatment started");
        }

        if (details.TriageDate is { } triage && (triage < details.ReferralDate || triage > today))
        {
            throw new DomainRuleException("treatment.triage-date", "The triage date must be on or after the referral date and not in the future");
        }

        if (details.TertiarySubstance is not null && details.SecondarySubstance is null)
        {
            throw new DomainRuleException("treatment.tertiary-without-secondary", "Give the secondary substance before the tertiary one");
        }

        var substances = new TreatmentSubstance?[] { details.PrimarySubstance, details.SecondarySubstance, details.TertiarySubstance }.OfType<TreatmentSubstance>().ToList();
        if (substances.Distinct().Count() != substances.Count)
        {
            throw new DomainRuleException("treatment.substance-repeated", "Each substance is recorded once: primary, secondary and tertiary must differ");
        }

        return new TreatmentEpisode
        {
            CaseId = treatmentCase.Id,
            PersonId = treatmentCase.PersonId ?? throw new DomainRuleException("case.family-work", "A treatment episode is for one person"),
            Service = treatmentCase.Scheme,
            OwnerAgency = treatmentCase.OwnerAgency,
            DataCategory = DataCategory.HealthSubstanceMisuse,
            StartDate = treatmentCase.StartDate,
            ReferralDate = details.ReferralDate,
            ReferralSource = Guard.Required(details.ReferralSource, "treatment.referral-source", "Enter the referral source", maxLength: 100),
            TriageDate = details.TriageDate,
            PrimarySubstance = details.PrimarySubstance,
            SecondarySubstance = details.SecondarySubstance,
            TertiarySubstance = details.TertiarySubstance,
            InjectingStatus = details.InjectingStatus,
            OpiateClient = substances.Any(TreatmentTerms.IsOpiate),
            CreatedAt = at,
        };
    }

    /// <summary>
    /// The case's exit was approved: the episode is discharged on that day for the nominated DT2 reason, and whether
    /// that was a successful completion is decided from the interventions as they stand (DT2).
    /// </summary>
    public void Discharge(Case exited, IEnumerable<TreatmentIntervention> interventions)
    {
        if (exited.Id != CaseId || exited.Status != CaseStatus.Exited || exited.ExitedOn is not { } exitedOn)
        {
            throw new DomainRuleException("treatment.not-exited", "The episode is discharged when its case's exit is approved");
        }

        if (DischargedOn is not null)
        {
            throw new DomainRuleException("treatment.already-discharged", "This episode has already been discharged");
        }

        var reason = exited.ExitNominations.Last(n => n.Decision == ExitDecision.Approved).Reason;
        DischargedOn = exitedOn;
        DischargeReason = reason;
        SuccessfulCompletion = TreatmentOutcomes.IsSuccessfulCompletion(reason, Substances, interventions, exitedOn);
    }
}
