namespace HubAspire.Jobs;

/// <summary>A job's parsed command line: the request, or why the arguments are wrong, or a request for help.</summary>
public sealed record ParsedArguments<TRequest>(TRequest? Request, string? Error, bool HelpRequested = false)
    where TRequest : class
{
    public static ParsedArguments<TRequest> Help() => new(null, null, HelpRequested: true);

    public static ParsedArguments<TRequest> Fail(string error) => new(null, error);

    public static ParsedArguments<TRequest> Ok(TRequest request) => new(request, null);
}
