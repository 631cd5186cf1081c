from quizzes.generation import GenerationOptions, QuestionDraft, generate


def questions(text: str, *, count: int = 20, short: int = 0, seed: int = 0) -> list[QuestionDraft]:
    return generate(text, GenerationOptions(multiple_choice=count, short_answer=short, seed=seed))


def by_answer(drafts: list[QuestionDraft], answer: str) -> QuestionDraft:
    return next(draft for draft in drafts if draft.answer == answer)
