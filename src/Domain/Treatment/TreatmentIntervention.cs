using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.People;

namespace CaseManager.Domain.Treatment;

public readonly record struct TreatmentInterventionId(Guid Value)
{
    public static TreatmentInterventionId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>
/// A treatment intervention of an episode (DT1), from its start date to its end date: pharmacological (with the
/// medication and, for opioid substitution, maintenance or reduction), psychosocial, recovery support, residential
/// rehab or inpatient detox. Health data (DT5), owned by the case's agency.
/// </summary>
public sealed class TreatmentIntervention : IPersonRecord
{
    private TreatmentIntervention()
    {
    }

    public TreatmentInterventionId Id { get; private set; }

    public CaseId CaseId { get; private set; }

    public PersonId PersonId { get; private set; }

    public Scheme Scheme { get; private set; }

    public AgencyCode OwnerAgency { get; private set; }

    public DataCategory DataCategory { get; private set; }

    public TreatmentInterventionType Type { get; private set; }

    public Medication? Medication { get; private set; }

    public PrescribingMode? Mode { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly? EndDate { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Opioid substitution therapy: a pharmacological methadone or buprenorphine prescription.</summary>
    public bool IsSubstitute => Type == TreatmentInterventionType.Pharmacological && TreatmentTerms.IsSubstitute(Medication);

    /// <summary>Still running on a day: started by then and not ended before it.</summary>
    public bool IsRunningOn(DateOnly day) => StartDate <= day && (EndDate is null || EndDate >= day);

    public static TreatmentIntervention Start(
        Case onCase, TreatmentInterventionType type, Medication? medication, PrescribingMode? mode, DateOnly startDate, DateOnly? endDate,
        Guid recordedBy, DateOnly today, DateTimeOffset at)
    {
        onCase.EnsureOpen();
        if (!TreatmentEpisode.IsTreatment(onCase.Scheme))
        {
            throw new DomainRuleException("treatment.not-treatment-case", "Treatment interventions are recorded on treatment cases");
        }

        if (type != TreatmentInterventionType.Pharmacological && medication is not null)
        {
            throw new DomainRuleException("treatment-intervention.medication", "Only a pharmacological intervention has a medication");
        }

        if (type == TreatmentInterventionType.Pharmacological && medication is null)
        {
            throw new DomainRuleException("treatment-intervention.medication-required", "Select the medication");
        }

        if (mode is not null && !TreatmentTerms.IsSubstitute(medication))
        {
            throw new DomainRuleException("treatment-intervention.mode", "Only opioid substitution (methadone or buprenorphine) is maintenance or reduction");
        }

        if (TreatmentTerms.IsSubstitute(medication) && mode is null)
        {
            throw new DomainRuleException("treatment-intervention.mode-required", "Say whether the prescription is maintenance or reduction");
        }

        if (startDate > today)
        {
            throw new DomainRuleException("treatment-intervention.start-in-future", "The start date cannot be in the future");
        }

        if (startDate < onCase.StartDate)
        {
            throw new DomainRuleException("treatment-intervention.before-case", "The intervention cannot start before treatment started");
        }

        var started = new TreatmentIntervention
        {
            Id = TreatmentInterventionId.New(),
            CaseId = onCase.Id,
            PersonId = onCase.PersonId ?? throw new DomainRuleException("case.family-work", "Treatment is given to one person"),
            Scheme = onCase.Scheme,
            OwnerAgency = onCase.OwnerAgency,
            DataCategory = DataCategory.HealthSubstanceMisuse,
            Type = type,
            Medication = medication,
            Mode = mode,
            StartDate = startDate,
            RecordedBy = recordedBy,
            RecordedAt = at,
        };
        if (endDate is { } end)
        {
            started.End(onCase, end, today);
        }

        return started;
    }

    /// <summary>Ends the intervention on a day (once): moving from maintenance to reduction is an end and a new start.</summary>
    public void End(Case onCase, DateOnly endDate, DateOnly today)
    {
        onCase.EnsureOpen();
        if (EndDate is not null)
        {
            throw new DomainRuleException("treatment-intervention.already-ended", "This intervention has already ended");
        }

        if (endDate < StartDate)
        {
            throw new DomainRuleException("treatment-intervention.end-before-start", "The end date cannot be before the start date");
        }

        if (endDate > today)
        {
            throw new DomainRuleException("treatment-intervention.end-in-future", "The end date cannot be in the future");
        }

        EndDate = endDate;
    }
}
