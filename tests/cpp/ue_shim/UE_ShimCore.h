// Minimal declarations of Unreal Engine 5 core types for a syntax check.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>
#include <vector>

// ---------------------------------------------------------------- basic types
typedef std::uint8_t uint8;
typedef std::uint16_t uint16;
typedef std::uint32_t uint32;
typedef unsigned long long uint64;
typedef std::int8_t int8;
typedef std::int16_t int16;
typedef std::int32_t int32;
typedef long long int64;
typedef char ANSICHAR;
typedef char16_t TCHAR;
enum UTF8CHAR : unsigned char {};
typedef std::size_t SIZE_T;

#define TEXT_PASTE(x) u##x
#define TEXT(x) TEXT_PASTE(x)

#ifndef WITH_EDITOR
#define WITH_EDITOR 0
#endif

// ---------------------------------------------------------------- reflection macros
#define UCLASS(...)
#define USTRUCT(...)
#define UENUM(...)
#define UPROPERTY(...)
#define UFUNCTION(...)
#define UMETA(...)
#define UPARAM(...)
#define BODY_MACRO_COMBINE_INNER(A, B, C, D) A##B##C##D
#define BODY_MACRO_COMBINE(A, B, C, D) BODY_MACRO_COMBINE_INNER(A, B, C, D)
#define GENERATED_BODY(...) BODY_MACRO_COMBINE(CURRENT_FILE_ID, _, __LINE__, _GENERATED_BODY);

// ---------------------------------------------------------------- printf-style checks
template <typename T>
struct TTBShimIsPrintfArg
    : std::integral_constant<bool, std::is_arithmetic<std::decay_t<T>>::value || std::is_pointer<std::decay_t<T>>::value ||
                                       std::is_enum<std::decay_t<T>>::value> {};

template <typename... Types>
constexpr bool TTBShimPrintfArgsOk() {
    return (true && ... && TTBShimIsPrintfArg<Types>::value);
}

// ---------------------------------------------------------------- containers
namespace ESearchCase { enum Type { CaseSensitive, IgnoreCase }; }
namespace ESearchDir { enum Type { FromStart, FromEnd }; }

template <typename T>
class TArray {
public:
    typedef T ElementType;
    TArray() = default;
    TArray(std::initializer_list<T> Init) : Items(Init) {}
    int32 Num() const;
    bool IsEmpty() const;
    void Reset(int32 NewSize = 0);
    void Empty(int32 Slack = 0);
    void Reserve(int32 Number);
    int32 Add(const T& Item);
    int32 Add(T&& Item);
    template <typename... Args>
    int32 Emplace(Args&&... Arguments);
    T& AddDefaulted_GetRef();
    void Append(const T* Ptr, int32 Count);
    void Append(const TArray& Other);
    T& operator[](int32 Index);
    const T& operator[](int32 Index) const;
    T* GetData();
    const T* GetData() const;
    T* begin();
    T* end();
    const T* begin() const;
    const T* end() const;

private:
    std::vector<T> Items;
};

template <typename K, typename V>
struct TPair {
    K Key;
    V Value;
};

template <typename K, typename V>
class TMap {
public:
    V& Add(const K& Key, const V& Value);
    V* Find(const K& Key);
    const V* Find(const K& Key) const;
    bool Contains(const K& Key) const;
    int32 Num() const;
    void Reset();
    void Empty(int32 Slack = 0);
    TPair<K, V>* begin();
    TPair<K, V>* end();
    const TPair<K, V>* begin() const;
    const TPair<K, V>* end() const;
};

// ---------------------------------------------------------------- strings
class FString {
public:
    FString();
    FString(const FString& Other);
    FString(FString&& Other);
    FString(const TCHAR* Str);
    FString& operator=(const FString& Other);
    FString& operator=(FString&& Other);
    FString& operator=(const TCHAR* Str);
    ~FString();

    const TCHAR* operator*() const;
    bool IsEmpty() const;
    int32 Len() const;
    void Reset(int32 NewReservedSize = 0);
    void Empty();
    FString TrimStartAndEnd() const;
    void TrimStartAndEndInline();
    void RightChopInline(int32 Count, bool bAllowShrinking = true);
    FString RightChop(int32 Count) const;
    FString Left(int32 Count) const;
    FString ToLower() const;
    bool StartsWith(const TCHAR* InPrefix, ESearchCase::Type SearchCase = ESearchCase::IgnoreCase) const;
    bool StartsWith(const FString& InPrefix, ESearchCase::Type SearchCase = ESearchCase::IgnoreCase) const;
    bool EndsWith(const TCHAR* InSuffix, ESearchCase::Type SearchCase = ESearchCase::IgnoreCase) const;
    bool Contains(const TCHAR* SubStr, ESearchCase::Type SearchCase = ESearchCase::IgnoreCase,
                  ESearchDir::Type SearchDir = ESearchDir::FromStart) const;
    bool Contains(const FString& SubStr, ESearchCase::Type SearchCase = ESearchCase::IgnoreCase,
                  ESearchDir::Type SearchDir = ESearchDir::FromStart) const;
    bool Equals(const FString& Other, ESearchCase::Type SearchCase = ESearchCase::CaseSensitive) const;
    bool IsNumeric() const;
    FString& operator+=(const TCHAR* Str);
    FString& operator+=(const FString& Str);
    FString& operator+=(TCHAR Char);

    // UE5: the format must be a TEXT("...") literal; arguments numbers or pointers.
    template <size_t N, typename... Types>
    static FString Printf(const TCHAR (&Fmt)[N], Types... Args) {
        static_assert(TTBShimPrintfArgsOk<Types...>(), "FString::Printf: pass numbers or pointers (*Str for FString)");
        ((void)Args, ...);
        return FString(Fmt);
    }
    static FString FromInt(int32 Num);
};

FString operator+(const FString& Lhs, const FString& Rhs);
FString operator+(const TCHAR* Lhs, const FString& Rhs);
FString operator+(const FString& Lhs, const TCHAR* Rhs);
bool operator==(const FString& Lhs, const FString& Rhs);
bool operator==(const FString& Lhs, const TCHAR* Rhs);
bool operator==(const TCHAR* Lhs, const FString& Rhs);
bool operator!=(const FString& Lhs, const FString& Rhs);
bool operator!=(const FString& Lhs, const TCHAR* Rhs);

class FUTF8ToTCHAR {
public:
    explicit FUTF8ToTCHAR(const ANSICHAR* Source);
    FUTF8ToTCHAR(const ANSICHAR* Source, int32 SourceLen);
    const TCHAR* Get() const;
    int32 Length() const;
};

class FTCHARToUTF8 {
public:
    explicit FTCHARToUTF8(const TCHAR* Source);
    FTCHARToUTF8(const TCHAR* Source, int32 SourceLen);
    const UTF8CHAR* Get() const;
    int32 Length() const;
};

#define UTF8_TO_TCHAR(str) (TCHAR*)FUTF8ToTCHAR((const ANSICHAR*)str).Get()
#define TCHAR_TO_UTF8(str) (ANSICHAR*)FTCHARToUTF8((const TCHAR*)str).Get()

enum EName { NAME_None = 0, NAME_Stream = 250 };

class FName {
public:
    FName();
    FName(EName Name);
    FName(const TCHAR* Name);
    FName(const FString& Name);
    bool IsNone() const;
    FString ToString() const;
};

class FText {
public:
    static FText FromString(const FString& String);
    static FText TTBShimLoc(const TCHAR* Namespace, const TCHAR* Key, const TCHAR* Text);
};

#define LOCTEXT(InKey, InTextLiteral) FText::TTBShimLoc(TEXT(LOCTEXT_NAMESPACE), TEXT(InKey), TEXT(InTextLiteral))
#define NSLOCTEXT(InNamespace, InKey, InTextLiteral) FText::TTBShimLoc(TEXT(InNamespace), TEXT(InKey), TEXT(InTextLiteral))

// ---------------------------------------------------------------- smart pointers
namespace ESPMode { enum class Type { NotThreadSafe, ThreadSafe }; constexpr Type ThreadSafe = Type::ThreadSafe; }

template <typename T, ESPMode::Type Mode = ESPMode::Type::ThreadSafe>
class TSharedRef {
public:
    T* operator->() const;
    T& operator*() const;
    T& Get() const;
};

template <typename T, ESPMode::Type Mode = ESPMode::Type::ThreadSafe>
class TSharedPtr {
public:
    TSharedPtr();
    TSharedPtr(decltype(nullptr));
    TSharedPtr(const TSharedRef<T, Mode>& Ref);
    TSharedPtr& operator=(const TSharedRef<T, Mode>& Ref);
    T* operator->() const;
    T& operator*() const;
    T* Get() const;
    bool IsValid() const;
    void Reset();
};

template <typename T, ESPMode::Type Mode = ESPMode::Type::ThreadSafe>
class TWeakPtr {
public:
    TWeakPtr();
    TSharedPtr<T, Mode> Pin() const;
    bool IsValid() const;
    void Reset();
};

template <typename T>
class TUniquePtr {
public:
    T* operator->() const;
    T* Get() const;
    bool IsValid() const;
    void Reset(T* Ptr = nullptr);
};

template <typename T, ESPMode::Type Mode = ESPMode::Type::ThreadSafe, typename... Args>
TSharedRef<T, Mode> MakeShared(Args&&... InArgs);

template <typename Signature>
class TUniqueFunction;
template <typename R, typename... A>
class TUniqueFunction<R(A...)> {
public:
    template <typename F, typename = decltype(static_cast<R>(std::declval<F&>()(std::declval<A>()...)))>
    TUniqueFunction(F&& Functor) { (void)Functor; }  // defined: lambdas are local types
    R operator()(A... Args) const;
};

template <typename Signature>
class TFunction;
template <typename R, typename... A>
class TFunction<R(A...)> {
public:
    template <typename F>
    TFunction(F&& Functor);
};

// ---------------------------------------------------------------- math, time
struct FMath {
    template <class T>
    static constexpr T Max(const T A, const T B) { return A < B ? B : A; }
    template <class T>
    static constexpr T Min(const T A, const T B) { return A < B ? A : B; }
    template <class T>
    static constexpr T Clamp(const T X, const T MinValue, const T MaxValue) { return X < MinValue ? MinValue : (X < MaxValue ? X : MaxValue); }
};

struct FTimespan {
    static FTimespan Zero();
    static FTimespan FromMilliseconds(double Milliseconds);
    static FTimespan FromSeconds(double Seconds);
};

// ---------------------------------------------------------------- logging
namespace ELogVerbosity { enum Type { NoLogging, Fatal, Error, Warning, Display, Log, Verbose, VeryVerbose, All }; }

struct FLogCategoryBase {};

template <size_t N, typename... Types>
void TTBShimLog(const FLogCategoryBase& Category, ELogVerbosity::Type Verbosity, const TCHAR (&Fmt)[N], Types... Args) {
    static_assert(TTBShimPrintfArgsOk<Types...>(), "UE_LOG: pass numbers or pointers (*Str for FString)");
    (void)Category;
    (void)Verbosity;
    (void)Fmt;
    ((void)Args, ...);
}

#define UE_LOG(CategoryName, Verbosity, Format, ...) \
    TTBShimLog(CategoryName, ELogVerbosity::Verbosity, Format, ##__VA_ARGS__)
#define DECLARE_LOG_CATEGORY_EXTERN(CategoryName, DefaultVerbosity, CompileTimeVerbosity) \
    extern FLogCategoryBase CategoryName
#define DEFINE_LOG_CATEGORY(CategoryName) FLogCategoryBase CategoryName
extern FLogCategoryBase LogTemp;

#define check(expr) ((void)(expr))
#define ensure(expr) (!!(expr))
