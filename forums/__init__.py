"""Community forums: categories, questions with accepted answers, discussions, votes, follows."""
