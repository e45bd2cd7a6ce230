using System.Globalization;
using System.Text;

namespace CaseManager.Application.Auditing;

/// <summary>
/// The audit trail's action codes in plain English: one mapping for the audit page, its CSV and the subject access
/// export. A code not listed here (a new command, say) is still shown in words, made from the code itself.
/// </summary>
public static class AuditActions
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["account.create-admin"] = "Created the first administrator",
        ["account.invalid-credentials"] = "Sign-in with a wrong email or password",
        ["account.locked-out"] = "Sign-in refused: account locked",
        ["account.refresh"] = "Renewed an API session",
        ["account.set-password"] = "Set a password",
        ["account.sign-in"] = "Signed in",
        ["agency.create"] = "Added an agency",
        ["agreement.create"] = "Made a sharing agreement",
        ["agreement.end"] = "Ended a sharing agreement",
        ["audit.search"] = "Searched the audit trail",
        ["audit.export"] = "Downloaded the audit trail",
        ["audit.verify"] = "Verified the audit trail",
        ["break-glass.person-informed"] = "Recorded whether the person was told of break-glass access",
        ["break-glass.review"] = "Reviewed a break-glass use",
        ["break-glass.use"] = "Used break-glass access",
        ["case.allocatable-workers"] = "Listed the workers a case can be allocated to",
        ["case.allocate"] = "Allocated a case",
        ["case.exit-approve"] = "Approved an exit",
        ["case.exit-evidence"] = "Read the evidence for an exit decision",
        ["case.exit-evidence-entry"] = "Saw a record in the evidence for an exit decision",
        ["case.exit-nominate"] = "Nominated a case for exit",
        ["case.exit-reject"] = "Rejected an exit nomination",
        ["case.list"] = "Listed cases",
        ["case.list-result"] = "Saw a case in a list",
        ["case.open"] = "Opened a case",
        ["case.read"] = "Read a case",
        ["case.update-iom"] = "Changed a case's IOM details",
        ["consent.list"] = "Listed consent decisions",
        ["consent.read"] = "Read a consent decision",
        ["consent.record"] = "Recorded a consent decision",
        ["consent.withdraw"] = "Recorded a consent withdrawal",
        ["governance.people-search"] = "Searched for a person (information governance)",
        ["http.forbidden"] = "Refused a page or request",
        ["intervention.list"] = "Listed a case's work",
        ["intervention.log"] = "Logged work on a case",
        ["intervention.read"] = "Read work on a case",
        ["job.trigger"] = "Started a scheduled job",
        ["me.summary"] = "Read their own summary",
        ["notification.digest"] = "Sent a notification digest",
        ["offence-type.save"] = "Saved an offence type",
        ["offence.list"] = "Listed offences",
        ["offence.read"] = "Read an offence",
        ["offence.record"] = "Recorded an offence",
        ["person.correct"] = "Corrected a person's details",
        ["person.create"] = "Registered a person",
        ["person.read"] = "Read a person's record",
        ["person.search"] = "Searched for people",
        ["person.search-result"] = "Saw a person in search results",
        ["person.timeline"] = "Read a person's timeline",
        ["person.timeline-entry"] = "Saw an entry on a person's timeline",
        ["person.withheld"] = "Asked which agencies hold other records",
        ["report.iom"] = "Ran the IOM report",
        ["review.complete"] = "Completed a review",
        ["review.consent-reviews"] = "Scheduled consent reviews",
        ["review.list"] = "Listed reviews",
        ["review.list-result"] = "Saw a review in a list",
        ["review.reminders"] = "Sent review reminders",
        ["sharing.derived-rows-repaired"] = "Repaired the derived sharing rights",
        ["subject-access.export"] = "Produced a subject access export",
        ["user.change"] = "Changed a user's agency or roles",
        ["user.create"] = "Added a user",
        ["user.disable"] = "Disabled a user",
        ["user.disable-dormant"] = "Disabled a dormant account",
    };

    /// <summary>
    /// "Read a case" for <c>case.read</c>; "Review break glass" for <c>command.ReviewBreakGlassCommand</c> (every
    /// command is audited under its message name); "Offence type: archive" for an unknown <c>offence-type.archive</c>.
    /// </summary>
    public static string Describe(string code)
    {
        if (Names.TryGetValue(code, out var name))
        {
            return name;
        }

        if (code.StartsWith("command.", StringComparison.Ordinal))
        {
            var message = code["command.".Length..];
            foreach (var suffix in (string[])["Command", "Query"])
            {
                if (message.EndsWith(suffix, StringComparison.Ordinal) && message.Length > suffix.Length)
                {
                    message = message[..^suffix.Length];
                }
            }

            return Sentence(SplitWords(message));
        }

        var dot = code.IndexOf('.', StringComparison.Ordinal);
        return dot <= 0
            ? Sentence(code.Replace('-', ' '))
            : $"{Sentence(code[..dot].Replace('-', ' '))}: {code[(dot + 1)..].Replace('-', ' ').Replace('.', ' ')}";
    }

    private static string SplitWords(string pascal)
    {
        var words = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]) && !char.IsUpper(pascal[i - 1]))
            {
                words.Append(' ');
            }

            words.Append(i == 0 ? pascal[i] : char.ToLower(pascal[i], CultureInfo.InvariantCulture));
        }

        return words.ToString();
    }

    private static string Sentence(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
