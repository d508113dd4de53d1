namespace Search.Core;

/// <summary>Why a request was refused; the host maps each kind to its protocol's status.</summary>
public enum SearchErrorKind
{
    InvalidArgument,
    NotFound,
    ResourceExhausted,
    DeadlineExceeded,
    FailedPrecondition,
    Unavailable,
}
