namespace CaseManager.Domain.Treatment;

/// <summary>Substances a treatment episode records, primary to tertiary (DOMAIN.md DT1; API.md enum list).</summary>
public enum TreatmentSubstance
{
    Heroin,
    Methadone,
    Buprenorphine,
    Crack,
    Cocaine,
    Amphetamines,
    Cannabis,
    Alcohol,
    Benzodiazepines,
    NewPsychoactive,
    Other,
}

public enum InjectingStatus
{
    Never,
    Previously,
    Currently,
    Declined,
}

/// <summary>The kinds of treatment intervention (DT1).</summary>
public enum TreatmentInterventionType
{
    Pharmacological,
    Psychosocial,
    RecoverySupport,
    ResidentialRehab,
    InpatientDetox,
}

/// <summary>What a pharmacological intervention prescribes. Methadone and buprenorphine are opioid substitutes.</summary>
public enum Medication
{
    Methadone,
    Buprenorphine,
    Naltrexone,
    Acamprosate,
    Disulfiram,
    Other,
}

/// <summary>Opioid substitution is prescribed to keep a client stable (maintenance) or to bring the dose down (reduction).</summary>
public enum PrescribingMode
{
    Maintenance,
    Reduction,
}

/// <summary>When a TOP is completed (DT3): at start, at each review, at exit, and optionally after treatment.</summary>
public enum TopStage
{
    Start,
    Review,
    Exit,
    PostTreatment,
}

public static class TreatmentTerms
{
    /// <summary>An opiate client (DT2, DT4) has an opiate among any of their substances: illicit or diverted opioids.</summary>
    public static bool IsOpiate(TreatmentSubstance substance) =>
        substance is TreatmentSubstance.Heroin or TreatmentSubstance.Methadone or TreatmentSubstance.Buprenorphine;

    /// <summary>Opioid substitution therapy (DT1): methadone or buprenorphine.</summary>
    public static bool IsSubstitute(Medication? medication) =>
        medication is Medication.Methadone or Treatment.Medication.Buprenorphine;
}
